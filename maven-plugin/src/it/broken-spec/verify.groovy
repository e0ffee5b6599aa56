// The error and the warning are in the log as file:line:column lines, at Maven's levels, and the
// failure is a plain message: no stack trace, nothing generated, no skip state left behind.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/asyncapi/broken.yaml').path
assert log.contains("[ERROR] ${spec}:17:5: error: unknown field 'acton' in Operation 'receiveHello'")
assert log.contains("(did you mean 'action'?)")
assert log.contains("[WARNING] ${spec}:14:11: warning: The key 'description' beside '\$ref' is ignored")
assert log.contains("asyncws: ${spec} has 1 error (listed above); nothing was generated.")
assert !log.contains('MojoFailureException:')
assert !(log =~ /(?m)^\s+at io\.asyncws\./)
assert !new File(basedir, 'target/generated-sources/asyncws').exists()
assert !new File(basedir, 'target/asyncws/default.sha256').exists()
