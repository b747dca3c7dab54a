import { afterEach, describe, expect, it } from 'vitest';
import { markTime } from '@/lib/platform/hub/marks';

describe('the worker’s timeline marks', () => {
  afterEach(() => performance.clearMarks());

  it('marks with its counts, and never keeps more than 200 marks however long the worker lives', () => {
    markTime('scopekeeper:state-sent', { principals: 5000, findings: 11 });
    const [mark] = performance.getEntriesByName('scopekeeper:state-sent') as PerformanceMark[];
    expect(mark!.detail).toEqual({ principals: 5000, findings: 11 });
    for (let i = 0; i < 1000; i++) markTime('scopekeeper:state-computed', { principals: i, findings: 0 });
    const marks = performance.getEntriesByType('mark');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.length).toBeLessThanOrEqual(200);
    expect((marks.at(-1) as PerformanceMark).detail).toEqual({ principals: 999, findings: 0 });
  });
});
