// The run panel's rendered summaries are bounded (the latest RENDERED_KEPT) and dropped with the panel.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RecentList } from '../../../client/src/run/recentList';

describe('RecentList', () => {
  test('keeps the latest `limit` items, oldest first, however many arrive', () => {
    const list = new RecentList<number>(3);
    for (let i = 1; i <= 10_000; i++) list.push(i);
    assert.deepEqual(list.items(), [9998, 9999, 10000]);
  });

  test('under the limit it keeps everything; clear drops it all', () => {
    const list = new RecentList<string>(20);
    list.push('a');
    list.push('b');
    assert.deepEqual(list.items(), ['a', 'b']);
    list.clear();
    assert.deepEqual(list.items(), []);
  });
});
