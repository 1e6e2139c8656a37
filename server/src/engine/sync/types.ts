/** An action as OpenCX's REST API returns it; fields it may leave out are optional. */
export interface RemoteAction {
  id: string;
  name: string;
  description?: string | null;
  api_endpoint: string;
  request_type?: string;
  operation_id?: string | null;
  payload?: RemotePayload | null;
  enabled_on_channel?: { channels?: string[] } | null;
  pinned?: boolean;
  tags?: string[];
  require_form_submission?: boolean;
  status?: string;
  created_at?: string;
  updated_at?: string;
  [other: string]: unknown;
}

/** `payload`: OpenAPI-operation-like. Keys we do not model are kept when a push sends it back. */
export interface RemotePayload {
  base_url?: string;
  path?: string;
  method?: string;
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; description?: string; required?: boolean; schema?: Record<string, unknown> }[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }>; description?: string; required?: boolean };
  responses?: unknown;
  [other: string]: unknown;
}

/** What a file records about the remote action it is linked to (`remote` in the action schema). */
export interface RemoteLink {
  id: string;
  updatedAt?: string;
  /** `sha256:` + the hash of the synced fields as last pulled or pushed. */
  hash?: string;
  segmentsUnknown?: boolean;
}
