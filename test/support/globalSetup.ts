/** Runs once before all test files. Service checks for the PostgreSQL dialect live in testStore.ts. */
export default function setup(): void {}
