/**
 * The hash of a panel frame put up before its token is here (issue 12, item 4): the panel loads and draws
 * while the background starts, and the content script puts the token in the frame's hash when it comes (a
 * navigation within the same document: nothing loads again). It is not a token: a panel that a page framed
 * with it waits for ever, and is sent nothing.
 */
export const TOKEN_FOLLOWS = 'wait';
