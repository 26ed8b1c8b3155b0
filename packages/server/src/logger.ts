/**
 * Plugboard logs only ids, codes and messages it wrote itself: never request bodies, headers or
 * secrets, so a host can send these lines anywhere.
 */
export interface Logger {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  warn: (message, fields) => console.warn(`[plugboard] ${message}`, fields ?? ""),
  error: (message, fields) => console.error(`[plugboard] ${message}`, fields ?? ""),
};
