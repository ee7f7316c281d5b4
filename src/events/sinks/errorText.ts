export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** `host:port` of a URL, for messages that must not repeat the credentials in it. */
export function urlHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return 'the configured address';
  }
}
