// The models and the API went to their own packages, and the test that uses them passed.
def generated = new File(basedir, 'target/generated-sources/asyncws/com/example/greeter')
assert new File(generated, 'model/Hello.java').isFile()
assert new File(generated, 'model/Welcome.java').isFile()
assert new File(generated, 'api/GreeterServer.java').isFile()
assert new File(generated, 'api/GreeterClient.java').isFile()
assert !new File(generated, 'api/Hello.java').exists()

def log = new File(basedir, 'build.log').text
assert log.contains('asyncws: generated 8 files from')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/asyncws/default.sha256').isFile()
