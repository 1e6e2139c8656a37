import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** One of our webview pages: its script in dist/webview/, its stylesheet in media/, its title and body markup. */
export interface WebviewPage {
  script: string;
  style: string;
  title: string;
  body: string;
}

/**
 * The HTML shell every webview of the extension uses (style.md practice 11): a Content-Security-Policy of
 * `default-src 'none'`, the script only by a fresh nonce, styles, images and fonts only from the webview's own
 * resource roots. The data arrives later by postMessage and is rendered as text.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', page.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', page.style));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; font-src ${webview.cspSource}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${page.title}</title>
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
