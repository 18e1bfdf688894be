#!/usr/bin/env bash
# The multi-process workload that scripts/bench.mjs records with
#   perf record -e cpu-clock -F 4999 -g -o perf.data -- bash record-workload.sh SECONDS GENDIR
# A node process walks random paths through a few hundred generated JS functions (deep,
# JIT-resolved stacks via --perf-basic-prof) for SECONDS of CPU time, while a loop on the other CPU
# runs a rotation of native tools (gzip, sha256sum, perl, xz, sort, find, tar; at most 1 s per step)
# for kernel/VFS/libc stacks until node is done. GENDIR receives the generated JS and the node pid
# (used to remove /tmp/perf-PID.map afterwards).
set -u
self="$0"

if [ "${1:-}" = step ]; then
  node_bin=$(command -v node)
  case "$2" in
    0) head -c 12000000 "$node_bin" | gzip -6 ;;
    1) find /usr/lib /usr/share -xdev -type f -size +2k 2>/dev/null | head -1500 | xargs -d '\n' sha256sum ;;
    2) perl -e '
         sub fib { my ($n) = @_; return $n < 2 ? $n : fib($n - 1) + fib($n - 2) }
         my %h; for my $i (1 .. 150000) { $h{"k" . ($i % 4099)} .= chr(97 + $i % 26) }
         my $s = join(",", 1 .. 60000); $s =~ s/(\d+)/<$1>/g;
         my @w = sort { $b cmp $a } split /,/, $s;
         print fib(21) + scalar(@w), "\n";' ;;
    3) head -c 4000000 "$node_bin" | xz -2 -T1 ;;
    4) seq 1 400000 | sort -R | sort -n ;;
    5) find / -xdev -maxdepth 4 -printf '%p %s %m\n' 2>/dev/null | head -60000 ;;
    6) tar -cf - /usr/share/perl5 2>/dev/null | gzip -1 ;;
  esac >/dev/null 2>&1
  exit 0
fi

secs=${1:-10}
gendir=${2:-/tmp/perflens-bench-gen}
here=$(cd "$(dirname "$self")" && pwd)
mkdir -p "$gendir"

node --perf-basic-prof --interpreted-frames-native-stack "$here/workload.mjs" "$secs" 1 "$gendir" >/dev/null &
node_pid=$!
echo "$node_pid" >"$gendir"/pids

end=$((SECONDS + 4 * secs))
i=0
while kill -0 "$node_pid" 2>/dev/null && [ "$SECONDS" -lt "$end" ]; do
  timeout 1 bash "$self" step $((i % 7))
  i=$((i + 1))
done &

wait
