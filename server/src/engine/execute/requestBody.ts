import type { PlannedBody } from '../model/plan';

/**
 * The text of a planned body, secret references kept (they are filled in the text, in the body's own syntax).
 * OpenCX sends bodies as JSON or multipart/form-data (docs/platform.md, "An action").
 */
export interface EncodedBody {
  format: PlannedBody['format'];
  text: string;
  /** For multipart: the boundary the Content-Type must carry. */
  boundary?: string;
}

export function encodeBody(body: PlannedBody, boundary: string): EncodedBody {
  if (body.format === 'json') return { format: 'json', text: JSON.stringify(body.value) ?? 'null' };
  return { format: 'multipart', text: multipartText(formFields(body.value), boundary), boundary };
}

/** The fields of a multipart body: an object's entries; strings as they are, anything else as JSON. */
export function formFields(value: unknown): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([name, v]) => [name, typeof v === 'string' ? v : JSON.stringify(v) ?? '']);
}

/** RFC 7578 form data, with CRLF line ends; quotes and line breaks in names escaped as the HTML spec does. */
function multipartText(fields: [string, string][], boundary: string): string {
  const escapeName = (name: string) => name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`);
  return `${parts.join('')}--${boundary}--\r\n`;
}

/** A Content-Type for a multipart body: the planned value (or multipart/form-data) with our boundary. */
export function multipartContentType(planned: string | undefined, boundary: string): string {
  const base = (planned ?? '').replace(/;\s*boundary=[^;]*/i, '').trim() || 'multipart/form-data';
  return `${base}; boundary=${boundary}`;
}
