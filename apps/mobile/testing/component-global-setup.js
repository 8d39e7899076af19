// One real server for every component test file: the URL reaches the test workers through the
// environment (they start after this).
const { startServerProcess } = require('./server-process');

module.exports = async function setup() {
  const server = await startServerProcess();
  process.env.TEST_API_URL = server.url;
  globalThis.__mobileTestServer = server;
};
