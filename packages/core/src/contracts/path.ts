/**
 * The path with its `:name` segments filled in, each percent-encoded: the client's request path,
 * and the server's router matches (and decodes) the same template.
 */
export function contractPath(template: string, params: Readonly<Record<string, string>> = {}) {
  return template.replace(/:([A-Za-z0-9_]+)/g, (_segment, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}
