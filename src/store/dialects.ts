/** What differs between the backends, in one place; code branches on these flags, never on driver types. */
export interface StoreCaps {
  dialect: 'sqlite' | 'postgres';
  /** `FOR UPDATE SKIP LOCKED` lets several engines claim from one table without blocking. */
  skipLocked: boolean;
  /** Largest number of bound parameters one statement may carry. */
  maxParameters: number;
}

export const SQLITE_CAPS: StoreCaps = { dialect: 'sqlite', skipLocked: false, maxParameters: 32_000 };
export const POSTGRES_CAPS: StoreCaps = { dialect: 'postgres', skipLocked: true, maxParameters: 65_000 };
