/** What `action` threw; fails the test when it returns instead. */
export function thrownBy<E = Error>(action: () => unknown): E {
  try {
    action();
  } catch (error) {
    return error as E;
  }
  throw new Error('Expected the action to throw, but it returned.');
}

/** What `promise` rejected with; fails the test when it resolves instead. */
export async function rejectionOf<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
