// One folder tree that exercises every way a file leaves the file set (issue 14, "One file set everywhere"), shared
// by the CLI tests and the protocol test that holds the language server to the same set.
import fs from 'node:fs';
import path from 'node:path';

/** An action named "Cancel subscription": every copy that is checked reports the others as duplicate names. */
const DUPLICATE = `${JSON.stringify({
  name: 'Cancel subscription',
  description: 'Cancel the customer\u2019s subscription at the end of the current billing period and confirm the date.',
  endpoint: 'https://api.acme-shop.example/v1/subscriptions/cancel',
  method: 'POST',
  restrictedToSegments: ['customers'],
  channels: ['widget'],
}, null, 2)}\n`;

/** The files checked, relative to the tree's root, sorted: each reports the other three. */
export const CHECKED = ['kept/a.action.json', 'kept/b.action.json', 'scratch/shared.action.json', 'sub/f.action.json'];

/** Files the set leaves out, and why. */
export const LEFT_OUT: Record<string, string> = {
  'node_modules/pkg/c.action.json': 'node_modules',
  'kept/node_modules/x.action.json': 'node_modules below the root',
  'dist/copy.action.json': 'a build folder',
  'generated/d.action.json': '.gitignore: generated/',
  'sub/local-e.action.json': 'the nested sub/.gitignore: local-*.action.json',
  'drafts/g.action.json': '.opencxignore: drafts/',
  'scratch/other.action.json': '.gitignore: scratch/* (shared.action.json is brought back by .opencxignore)',
};

/** Links to files and folders already in the set: each real file is counted once. */
export const LINKS = { 'link.action.json': 'kept/a.action.json', 'linked-folder': 'kept' };

/** Writes the tree into `root` (an empty folder). */
export function writeFileSetTree(root: string): void {
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  for (const file of [...CHECKED, ...Object.keys(LEFT_OUT)]) write(file, DUPLICATE);
  write('.gitignore', '# build output and scratch work\ngenerated/\nscratch/*\n');
  write('sub/.gitignore', 'local-*.action.json\n');
  write('.opencxignore', 'drafts/\n!scratch/shared.action.json\n');
  for (const [link, target] of Object.entries(LINKS)) fs.symlinkSync(path.join(root, target), path.join(root, link));
}
