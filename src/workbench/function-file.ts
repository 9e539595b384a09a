/** How long a click waits for the function file to associate its functions (it loads in a hidden frame). */
const ASSOCIATE_WAIT_MS = 10_000;

export async function waitForAssociation(names: () => string[], functionName: string): Promise<boolean> {
  const deadline = Date.now() + ASSOCIATE_WAIT_MS;
  while (!names().includes(functionName)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
