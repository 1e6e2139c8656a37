// What the extension host's tests cannot do themselves: look at the workbench as a person does. A test asks by
// logging one line `[e2e-ui] {"id", "op", ...}` (it reaches the harness through codeAutomationLog); the harness
// does it in the browser page and writes the answer to `<E2E_UI_DIR>/<id>.json`, which the test waits for
// (test/e2e/suite/ui.ts). Ops:
//   screenshot  {name, waitFor?}          the whole workbench as a PNG: <E2E_SCREENSHOTS_DIR or E2E_UI_DIR>/<name>.png
//   text        {}                        the visible text of the workbench and of every webview frame
//   evaluate    {frameTitle, script}      runs `script` (a function body) in the webview frame whose document has
//                                         that title, returns its JSON-able result
//   press       {frameTitle, selector, key}  focuses an element of that frame and presses a key, as a person does
import fs from 'node:fs';
import path from 'node:path';

export const UI_REQUEST_PREFIX = '[e2e-ui] ';
const FRAME_WAIT_MS = 15_000;

/** The frame (at any depth: webviews nest an iframe in an iframe) whose document has `title`. */
async function frameTitled(page, title) {
  const deadline = Date.now() + FRAME_WAIT_MS;
  for (;;) {
    for (const frame of page.frames()) {
      const frameTitle = await frame.title().catch(() => '');
      if (frameTitle === title) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame titled "${title}" (frames: ${page.frames().length})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function visibleText(page) {
  const texts = [];
  for (const frame of page.frames()) texts.push(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
  return texts.join('\n');
}

async function perform(page, request, dirs) {
  switch (request.op) {
    case 'screenshot': {
      if (request.waitFor) await page.locator(request.waitFor).first().waitFor({ state: 'visible', timeout: FRAME_WAIT_MS });
      const file = path.join(dirs.screenshots ?? dirs.answers, `${path.basename(request.name)}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
      return { file };
    }
    case 'text':
      return { text: await visibleText(page) };
    case 'evaluate': {
      const frame = await frameTitled(page, request.frameTitle);
      // A string expression, evaluated by the debugger protocol: the page's CSP (no eval) does not apply to it.
      return { value: await frame.evaluate(`(() => { ${request.script} })()`) };
    }
    case 'press': {
      const frame = await frameTitled(page, request.frameTitle);
      await frame.focus(request.selector);
      await frame.press(request.selector, request.key);
      return {};
    }
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

/**
 * Handles one console line if it is a UI request (returns true), answering it in `dirs.answers`. A request that
 * fails is answered with its error, so the test fails with it instead of waiting for its deadline.
 */
export function handleUiRequest(page, line, dirs) {
  if (!line.startsWith(UI_REQUEST_PREFIX)) return false;
  let request;
  try {
    request = JSON.parse(line.slice(UI_REQUEST_PREFIX.length));
  } catch {
    return false;
  }
  const answer = (result) => fs.writeFileSync(path.join(dirs.answers, `${path.basename(String(request.id))}.json`), JSON.stringify(result));
  perform(page, request, dirs).then(answer, (error) => answer({ error: String(error?.message ?? error) }));
  return true;
}
