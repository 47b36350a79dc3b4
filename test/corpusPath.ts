import { resolve } from 'node:path';

/** The real-world corpus (80 public task definitions, service inputs and templates), outside the repo. */
export const CORPUS = process.env.FARGATE_LENS_CORPUS ?? resolve(__dirname, '../../shared/corpus/real');
