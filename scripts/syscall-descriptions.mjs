#!/usr/bin/env node
/**
 * Generates src/parsers/shared/syscallDescriptions.ts: a one-line description of every x86_64
 * syscall, from the NAME sections of Debian's manpages-dev (section 2), for the syscall hovers.
 * The syscall list is the kernel's own (`__NR_*` in linux-libc-dev's asm/unistd_64.h). The output
 * is committed, so tests and CI do not need the packages; rerun after `apt-get install manpages-dev`
 * to refresh it:  node scripts/syscall-descriptions.mjs
 * It also writes the errno names with their numbers and comments from the kernel's asm-generic
 * errno headers (linux-libc-dev), for hovers on perf trace's --errno-summary lines.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const MAN2 = '/usr/share/man/man2';
const ERRNO_HEADERS = ['/usr/include/asm-generic/errno-base.h', '/usr/include/asm-generic/errno.h'];
const UNISTD = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
const OUT = new URL('../src/parsers/shared/syscallDescriptions.ts', import.meta.url);

const version = (pkg) => execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });

/** The page's text, following `.so man2/other.2` redirects. */
function page(file, depth = 0) {
  const path = join(MAN2, file);
  if (!existsSync(path)) return undefined;
  const raw = path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
  const so = /^\.so\s+(?:man2\/)?(\S+)\s*$/m.exec(raw);
  if (so && depth < 3 && !/^\.SH\s+NAME/m.test(raw)) return page(so[1].replace(/^.*\//, '') + (so[1].endsWith('.gz') ? '' : '.gz'), depth + 1);
  return raw;
}

/** roff text to plain text: escapes, fonts and quotes removed. */
function plain(text) {
  return text
    .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\\(em/g, '—')
    .replace(/\\\(en/g, '–')
    .replace(/\\\((?:lq|rq)/g, '"')
    .replace(/\\-/g, '-')
    .replace(/\\&/g, '')
    .replace(/\\ /g, ' ')
    .replace(/\\e/g, '\\')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `recv, recvfrom, recvmsg \- receive a message from a socket` -> names and the description. */
function nameSection(raw) {
  const m = /^\.SH\s+"?NAME"?\s*\n([\s\S]*?)(?=^\.SH)/m.exec(raw);
  if (!m) return undefined;
  const text = m[1]
    .split('\n')
    .filter((l) => !l.startsWith('.\\"'))
    .map((l) => l.replace(/^\.(?:B|BR|I|IR|RB|BI)\s+/, ''))
    .filter((l) => !/^\.\w+/.test(l))
    .join(' ');
  const dash = text.search(/\s\\-\s/);
  if (dash < 0) return undefined;
  const names = plain(text.slice(0, dash)).split(/\s*,\s*/).map((n) => n.trim()).filter(Boolean);
  return { names, description: plain(text.slice(dash + 3)) };
}

const syscalls = [...readFileSync(UNISTD, 'utf8').matchAll(/^#define __NR_(\w+)\s+(\d+)/gm)].map((m) => ({ name: m[1], nr: Number(m[2]) }));

// Every NAME section, by each name it lists (a page's own file name counts too).
const byName = new Map();
for (const file of readdirSync(MAN2).sort()) {
  const raw = page(file);
  const section = raw && nameSection(raw);
  if (!section) continue;
  const own = file.replace(/\.2\.gz$|\.2$/, '');
  for (const n of new Set([...section.names, own])) if (!byName.has(n)) byName.set(n, { ...section, page: own });
}

// Kernel names whose page documents them under the libc name.
const ALIAS = { newfstatat: 'fstatat', pread64: 'pread', pwrite64: 'pwrite', _sysctl: 'sysctl', umount2: 'umount', prlimit64: 'prlimit', fadvise64: 'posix_fadvise', sync_file_range2: 'sync_file_range', rt_sigaction: 'sigaction', rt_sigprocmask: 'sigprocmask', rt_sigpending: 'sigpending', rt_sigsuspend: 'sigsuspend', rt_sigtimedwait: 'sigtimedwait', rt_sigqueueinfo: 'sigqueue', rt_sigreturn: 'sigreturn', rt_tgsigqueueinfo: 'rt_sigqueueinfo', clone3: 'clone', faccessat2: 'faccessat', pselect6: 'pselect', epoll_pwait2: 'epoll_pwait', mmap2: 'mmap', exit_group: 'exit_group', wait4: 'wait4', getdents64: 'getdents', lookup_dcookie: 'lookup_dcookie', setfsuid: 'setfsuid', arch_prctl: 'arch_prctl', io_pgetevents: 'io_getevents', fanotify_mark: 'fanotify_mark' };

/**
 * Syscalls manpages-dev 6.03 has no page for (io_uring's pages ship with liburing, the new mount
 * API's came later) and the ones added after linux-libc-dev 6.1 (numbers from the kernel's
 * arch/x86/entry/syscalls/syscall_64.tbl): written here, from the kernel's own naming of them.
 */
const SUPPLEMENT = {
  epoll_ctl_old: 'obsolete epoll control entry point (not implemented on x86_64)',
  epoll_wait_old: 'obsolete epoll wait entry point (not implemented on x86_64)',
  rseq: 'register a restartable-sequences area for the calling thread',
  io_uring_setup: 'set up an io_uring submission and completion queue context',
  io_uring_enter: 'submit io_uring requests and/or wait for their completions',
  io_uring_register: 'register files, buffers or eventfds with an io_uring instance',
  open_tree: 'open a mount or directory tree, to move or clone it (new mount API)',
  move_mount: 'move or attach a mount (new mount API)',
  fsopen: 'create a filesystem configuration context (new mount API)',
  fsconfig: 'configure a filesystem context made by fsopen (new mount API)',
  fsmount: 'create a mount object from a configured filesystem context (new mount API)',
  fspick: 'pick a mounted filesystem for reconfiguration (new mount API)',
  quotactl_fd: 'manipulate disk quotas of the filesystem an open file is on',
  process_mrelease: 'release the memory of a dying process early',
  futex_waitv: 'wait on several futexes at once',
  set_mempolicy_home_node: 'set the home NUMA node of a memory policy range',
};
const NEWER = [
  [451, 'cachestat', "query the page cache status of a file's range"],
  [452, 'fchmodat2', 'change permissions of a file, with flags'],
  [453, 'map_shadow_stack', 'map a shadow stack for user-space control-flow protection'],
  [454, 'futex_wake', 'wake waiters on a futex (futex2 API)'],
  [455, 'futex_wait', 'wait on a futex (futex2 API)'],
  [456, 'futex_requeue', 'requeue waiters from one futex to another (futex2 API)'],
  [457, 'statmount', 'get information about a mount'],
  [458, 'listmount', 'list the mounts below a mount'],
  [459, 'lsm_get_self_attr', "get the calling task's Linux Security Module attributes"],
  [460, 'lsm_set_self_attr', "set the calling task's Linux Security Module attributes"],
  [461, 'lsm_list_modules', 'list the active Linux Security Modules'],
  [462, 'mseal', 'seal a memory mapping against changes'],
  [463, 'setxattrat', 'set an extended attribute, relative to a directory file descriptor'],
  [464, 'getxattrat', 'get an extended attribute, relative to a directory file descriptor'],
  [465, 'listxattrat', 'list extended attributes, relative to a directory file descriptor'],
  [466, 'removexattrat', 'remove an extended attribute, relative to a directory file descriptor'],
  [467, 'open_tree_attr', 'open a mount tree and change its mount attributes'],
];
for (const [nr, name, description] of NEWER) {
  if (!syscalls.some((s) => s.name === name)) syscalls.push({ name, nr });
  SUPPLEMENT[name] ??= description;
}

const out = {};
const missing = [];
for (const { name } of syscalls) {
  const hit = byName.get(name) ?? byName.get(ALIAS[name] ?? '');
  if (hit) out[name] = hit.description + (hit.names.includes(name) ? '' : ` (documented as ${hit.names[0]}(2))`);
  else if (SUPPLEMENT[name]) {
    out[name] = SUPPLEMENT[name];
    missing.push(name);
  } else missing.push(name);
}

const header = `/**
 * One-line descriptions of the x86_64 syscalls, for hovers on syscall rows. GENERATED by
 * scripts/syscall-descriptions.mjs: do not edit. Source: the NAME sections of the section-2
 * pages of Debian's manpages-dev ${version('manpages-dev')} (Linux man-pages, mostly under
 * permissive licences; see the pages' copyright headers), for the syscalls listed in
 * linux-libc-dev ${version('linux-libc-dev')} asm/unistd_64.h and syscall_64.tbl's newer ones (${syscalls.length}
 * syscalls). Without a page there, written in scripts/syscall-descriptions.mjs (SUPPLEMENT):
 * ${missing.join(', ') || 'none'}.
 */
`;
const body = Object.keys(out)
  .sort()
  .map((k) => `  ${/^[a-z_]\w*$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(out[k])},`)
  .join('\n');
// errno: `#define	ENOENT		 2	/* No such file or directory */` (aliases like EWOULDBLOCK = EAGAIN included).
const errnos = {};
const errnoNumbers = {};
for (const h of ERRNO_HEADERS) {
  for (const m of readFileSync(h, 'utf8').matchAll(/^#define\s+(E[A-Z0-9]+)\s+(\w+)\s*\/\*\s*(.*?)\s*\*\//gm)) {
    const nr = /^\d+$/.test(m[2]) ? Number(m[2]) : errnoNumbers[m[2]];
    if (nr === undefined) continue;
    errnoNumbers[m[1]] = nr;
    errnos[m[1]] = { nr, text: m[3] };
  }
}
const errnoBody = Object.keys(errnos)
  .sort()
  .map((k) => `  ${k}: [${errnos[k].nr}, ${JSON.stringify(errnos[k].text)}],`)
  .join('\n');
const byNumber = [];
for (const { name, nr } of syscalls) byNumber[nr] = name;
const numbers = Array.from(byNumber, (n) => n ?? '');
writeFileSync(
  OUT,
  `${header}export const SYSCALL_DESCRIPTIONS: Readonly<Record<string, string>> = {\n${body}\n};\n\n` +
    `/** x86_64 syscall names by number ('' for unused numbers), for strace's \`syscall_0x…\` and perf's \`syscall:NNN\`. */\n` +
    `export const X86_64_SYSCALL_NAMES: readonly string[] = ${JSON.stringify(numbers)};\n\n` +
    `/** Linux errno names: [number, the kernel header's comment] (asm-generic/errno-base.h, errno.h of linux-libc-dev ${version('linux-libc-dev')}). */\n` +
    `export const ERRNO_DESCRIPTIONS: Readonly<Record<string, readonly [number, string]>> = {\n${errnoBody}\n};\n`,
);
process.stderr.write(`${Object.keys(out).length} described, ${missing.length} missing: ${missing.join(' ')}\n`);
