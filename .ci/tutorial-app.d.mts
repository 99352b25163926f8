// Types of .ci/tutorial-app.mjs, for test/tutorial/.

/** A fenced code block: its language, the file its info string names (`title="…"`), its first line of code. */
export interface FencedBlock {
  lang: string;
  title: string | null;
  line: number;
  lines: string[];
  text: string;
}

/** A page of the tutorial whose name starts with its number. */
export interface TutorialStep {
  number: number;
  name: string;
  path: string;
}

/** Which steps: up to one (included), before one, or one alone; a step is its number or a word of its name. */
export interface StepSelection {
  until?: string | number;
  before?: string | number;
  step?: string | number;
  dir?: string;
}

export const TUTORIAL_DIR: string;
export function fencedBlocks(markdown: string): FencedBlock[];
export function tutorialSteps(dir?: string): TutorialStep[];
export function selectSteps(selection?: StepSelection): TutorialStep[];
export function appFiles(selection?: StepSelection): Map<string, { text: string; source: string }>;
export function commands(selection?: StepSelection & { page?: string; section?: string }): string[];
export function writeApp(out: string, selection?: StepSelection): string[];
