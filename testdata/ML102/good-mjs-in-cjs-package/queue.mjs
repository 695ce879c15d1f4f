export async function nextJob() {
  return null;
}
