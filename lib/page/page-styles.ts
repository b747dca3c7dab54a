/**
 * The styles of what the content script draws inside its closed shadow roots: the badges, callouts and
 * highlight (badges.ts) and the panel's overlay (lib/platform/overlay.ts). Data only: the content
 * script's build reads them from `_locales` with the reader's words (page-data.ts).
 */

export const badgeStyles = `
  .badge { position: fixed; pointer-events: auto; display: none; min-width: 18px; height: 18px; padding: 0 5px;
    box-sizing: border-box; border: 2px solid #fff; border-radius: 9px; color: #fff; font: 700 11px/14px system-ui, sans-serif;
    text-align: center; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.35); }
  .callout { position: fixed; pointer-events: auto; display: none; width: 260px; box-sizing: border-box; padding: 8px 10px;
    border-radius: 8px; background: #fff; color: #1c1e21; font: 12px/1.35 system-ui, sans-serif; box-shadow: 0 4px 14px rgba(0,0,0,.25);
    border-left: 4px solid; }
  .callout strong { display: block; margin-bottom: 2px; }
  .highlight { position: fixed; display: none; border: 3px solid #0866ff; border-radius: 6px; box-shadow: 0 0 0 4px rgba(8,102,255,.25); }
`;

export const overlayStyles = `
    .frame { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; font: 13px system-ui, sans-serif; }
    button { font: inherit; font-weight: 600; border: 1px solid #c9ccd1; border-radius: 16px; padding: 6px 12px;
      background: #fff; color: #1c1e21; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    button:focus-visible { outline: 3px solid #0866ff; outline-offset: 2px; }
    iframe { width: 340px; height: min(60vh, 520px); border: 1px solid #c9ccd1; border-radius: 10px; background: #fff;
      box-shadow: 0 8px 24px rgba(0,0,0,.2); }
    .collapsed iframe { display: none; }
    .notice { box-sizing: border-box; width: 340px; margin: 0; padding: 8px 10px; border: 1px solid #e0a040;
      border-left: 4px solid #b45309; border-radius: 8px; background: #fff8eb; color: #1c1e21; line-height: 1.35;
      box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    .notice[hidden] { display: none; }
  `;
