// Talks to the admin API with the token kept in this tab's sessionStorage (never in a cookie).
const TOKEN_KEY = 'airlock-admin-token';

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code ?? 'ERR_INTERNAL';
    this.details = error?.details ?? {};
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** JSON in, JSON out; non-2xx answers throw ApiError with the server's stable code. */
export async function api(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { ...headers, authorization: `Bearer ${token.get() ?? ''}` } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const data = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = new ApiError(response.status, data.error);
    if (response.status === 401) onUnauthorized(error);
    throw error;
  }
  return data;
}

export const enc = encodeURIComponent;
