/**
 * The bundled example for `diffsec demo`: a small inventory service and a pull request that adds
 * an export endpoint with vulnerable lines. `+` marks a line the pull request adds.
 */
export const EXAMPLE_FILES: Record<string, string> = {
  'inventory/export.py': `
 """Exports inventory snapshots to the backup host."""
 import hashlib
 import logging
 import subprocess
+import requests
 
 LOG = logging.getLogger(__name__)
 
 
 def archive(path):
     # An old line, outside this change: counted, not commented on.
     subprocess.call("tar czf /backups/inventory.tgz " + path, shell=True)
 
 
+def export(snapshot, host, user, password):
+    LOG.debug("exporting %s as %s with password %s", snapshot, user, password)
+    digest = hashlib.md5(open(snapshot, "rb").read()).hexdigest()
+    subprocess.call(f"scp {snapshot} {host}:/srv/backups/", shell=True)
+    requests.post(f"https://{host}/api/snapshots", data={"digest": digest}, verify=False, timeout=30)
+    subprocess.call(f"sync {snapshot}", shell=True)  # nosec B602 snapshot names come from our own store
+    return digest
`,
  'inventory/settings.py': `
 """Service settings."""
 
 DEBUG = False
+ADMIN_PASSWORD = "changeme-2024"
+BACKUP_URL = "https://backup.internal.example/upload"
`,
};

/** The demo's second push: the author fixes the shell command of the scp line (an argument list, no shell). */
export const EXAMPLE_FIX = {
  path: 'inventory/export.py',
  from: '+    subprocess.call(f"scp {snapshot} {host}:/srv/backups/", shell=True)',
  to: '+    subprocess.call(["/usr/bin/scp", snapshot, f"{host}:/srv/backups/"])',
};

/** Head-side contents and GitHub-style patches (one hunk each) of the example files; with `fixed`, after the second push. */
export function examplePullRequestFiles(fixed = false): { path: string; content: string; patch: string }[] {
  return Object.entries(EXAMPLE_FILES).map(([path, original]) => {
    const annotated = fixed && path === EXAMPLE_FIX.path ? original.replace(EXAMPLE_FIX.from, EXAMPLE_FIX.to) : original;
    const lines = annotated.replace(/^\n/, '').replace(/\n$/, '').split('\n');
    const head = lines.map((l) => l.slice(1));
    const base = lines.filter((l) => !l.startsWith('+'));
    const patch = `@@ -1,${base.length} +1,${head.length} @@\n${lines.join('\n')}`;
    return { path, content: head.join('\n') + '\n', patch };
  });
}
