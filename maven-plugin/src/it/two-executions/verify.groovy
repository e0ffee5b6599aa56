// Per execution, in order, what each invocation did: the log holds every invocation.
def log = new File(basedir, 'build.log').text
// (Split at each execution's header: downloads may come between it and the plugin's own line.)
def verdicts = log.split(/\[INFO\] --- asyncws:\S+:generate /).drop(1).collect { run ->
  def id = (run =~ /^\((\w+)\)/)[0][1]
  def verdict = (run =~ /\[INFO\] asyncws: (generated \d+ files|[^\n]* skipped)/)[0][1]
  id + ' ' + (verdict.startsWith('generated') ? 'generated' : 'skipped')
}
assert verdicts == ['alpha generated', 'beta generated',
                    'alpha skipped', 'beta generated',
                    'alpha skipped', 'beta skipped'] : verdicts

// One state per execution, never keyed by the contracts' common file name.
assert new File(basedir, 'target/asyncws/alpha.sha256').isFile()
assert new File(basedir, 'target/asyncws/beta.sha256').isFile()

def output = new File(basedir, 'target/generated-sources/asyncws/com/example')
assert new File(output, 'alpha/AlphaServer.java').isFile()
assert new File(output, 'beta/BetaServer.java').isFile()
assert !new File(output, 'alpha/Welcome.java').text.contains('mood')
assert new File(output, 'beta/Welcome.java').text.contains('String mood')
