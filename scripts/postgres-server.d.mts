export function findBindir(): string;
export function freePort(): Promise<number>;
export function startThrowawayPostgres(opts?: { settings?: string[]; prefix?: string }): Promise<{
  url: string;
  base: string;
  port: number;
  bindir: string;
  dataDir: string;
  /** The directory of its Unix socket. */
  socketDir: string;
  stop: () => void;
}>;
