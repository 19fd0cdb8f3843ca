/** `kapi`: the command line. Only the codegen half exists so far; `serve` says so plainly. */
const [command] = process.argv.slice(2);
if (command === 'serve') {
  process.stderr.write('kapi serve: the HTTP server is not part of this release yet; see README.md.\n');
  process.exit(1);
}
process.stderr.write('usage: kapi serve [flags]\n');
process.exit(2);
