// documentKindOf: which files are actions, which is the config, and which are ignored.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentKindOf } from '../../server/src/engine/document/documentKind';

describe('documentKindOf', () => {
  test('action files by their suffix, as paths and URIs', () => {
    assert.equal(documentKindOf('look-up-order.action.json'), 'action');
    assert.equal(documentKindOf('/work/shop/actions/look-up-order.action.json'), 'action');
    assert.equal(documentKindOf('C:\\shop\\actions\\refund.action.json'), 'action');
    assert.equal(documentKindOf('file:///work/shop/track%20parcel.action.json'), 'action');
  });

  test('the config file by its exact name', () => {
    assert.equal(documentKindOf('opencx.config.json'), 'config');
    assert.equal(documentKindOf('/work/shop/opencx.config.json'), 'config');
    assert.equal(documentKindOf('file:///c%3A/shop/opencx.config.json'), 'config');
  });

  test('everything else is ignored', () => {
    assert.equal(documentKindOf('.action.json'), undefined);
    assert.equal(documentKindOf('/work/.action.json'), undefined);
    assert.equal(documentKindOf('package.json'), undefined);
    assert.equal(documentKindOf('look-up-order.action.jsonc'), undefined);
    assert.equal(documentKindOf('my-opencx.config.json'), undefined);
    assert.equal(documentKindOf('opencx.config.json/readme.md'), undefined);
    assert.equal(documentKindOf(''), undefined);
  });

  test('a percent-encoded name is decoded; a stray % is kept as it is', () => {
    assert.equal(documentKindOf('file:///work/opencx%2Econfig%2Ejson'), 'config');
    assert.equal(documentKindOf('/work/100%.action.json'), 'action');
  });

  test('the case of the suffix matters (JSON file names are case-sensitive on most systems)', () => {
    assert.equal(documentKindOf('Order.ACTION.JSON'), undefined);
    assert.equal(documentKindOf('OpenCX.config.json'), undefined);
  });
});
