import { resolve } from 'node:path';

/**
 * The real-world corpus: public task definitions, service inputs and templates whose licences permit
 * redistribution, kept in the repository with their sources (test/fixtures/corpus-real/SOURCES.tsv).
 */
export const CORPUS = process.env.FARGATE_LENS_CORPUS ?? resolve(__dirname, 'fixtures/corpus-real');

/**
 * The fresh real-world sample (test/fixtures/real-world): whole workspaces of public repositories
 * (task definitions with the workflows and configs that deploy them), one directory per repository.
 */
export const REAL_WORLD = resolve(__dirname, 'fixtures/real-world');
