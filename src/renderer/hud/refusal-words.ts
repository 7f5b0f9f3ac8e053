// Refusals in a trainee's words now live in src/shared (the report words a refused order as the end screen does).
export * from '../../shared/refusal-words';
