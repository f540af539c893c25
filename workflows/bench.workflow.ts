/** Does nothing: the baseline of the launch benchmark measures bare workflow starts with it. */
export async function emptyWorkflow(): Promise<void> {}
