// Types of .ci/tutorial-walk.mjs, for test/tutorial/.

/** Walk every page of the tutorial's app served at `base`; rejects on the first page that is wrong. */
export function walkTutorialApp(base: string, log?: (line: string) => void): Promise<void>;
