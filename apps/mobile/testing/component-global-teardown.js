// Closing the server process's stdin stops the server and drops its database.
module.exports = async function teardown() {
  const child = globalThis.__mobileTestServer;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin.end();
  await exited;
};
