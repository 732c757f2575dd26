// A second process holding the write lock of a libSQL file (as a backup, `sqlite3` in a shell or
// another server would): prints "locked", then commits and exits when its stdin closes.
import Database from 'libsql'

const db = new Database(process.argv[2])
db.exec('BEGIN IMMEDIATE')
process.stdout.write('locked\n')
process.stdin.resume()
process.stdin.on('end', () => {
  db.exec('COMMIT')
  db.close()
  process.exit(0)
})
