module.exports = async function teardown() {
  await globalThis.__mobileTestServer?.stop();
};
