// Each invocation's verdict, in order: the log holds every invocation, one after another.
def log = new File(basedir, 'build.log').text
def verdicts = (log =~ /asyncws: (generated \d+ files|.* unchanged since the last generation; skipped)/)
    .collect { it[1].startsWith('generated') ? it[1] : 'skipped' }
assert verdicts == ['generated 8 files', 'skipped', 'generated 8 files', 'generated 6 files',
                    'generated 6 files'] : verdicts

def generated = new File(basedir, 'target/generated-sources/asyncws/com/example/greeter')
// The change in the referenced file reached the code.
assert new File(generated, 'Hello.java').text.contains('String language')
// The client's files of the earlier runs were removed, not left to compile against.
assert !new File(generated, 'GreeterClient.java').exists()
assert !new File(generated, 'GreeterClientListener.java').exists()
assert new File(generated, 'GreeterServer.java').isFile()
