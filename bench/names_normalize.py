"""Times `talign names normalize` as a whole command (file → file, or stdin → stdout) on 100k,
1M and 4M names of three scripts, for one or more talign binaries side by side, with uroman's
romanization (in process, one core, start-up left out) on the same names in the same run;
prints names/s, CPU and peak RSS (from /usr/bin/time).

Usage (from the repository root, after `cargo build --release`):
  pip install uroman
  python3 bench/names_normalize.py [--talign NAME=PATH ...] [--sizes 100000,1000000,4000000]
          [--uroman-lines 20000] [--work /tmp/talign-normalize-bench] [--modes file,stdin]
          [--repeat 2]
The input interleaves Bengali, Persian and Latin synthetic names (`synth_names` example),
one name a line. A measurement aid, not part of the tests or CI.
"""
import argparse, os, subprocess, sys, time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))


def inputs(work, sizes):
    """The mixed lists: line i is Bengali, Persian or Latin by i mod 3."""
    synth = os.path.join(work, 'synth')
    if not os.path.exists(os.path.join(synth, 'right-fa.txt')):
        subprocess.run(['cargo', 'run', '-q', '--release', '-p', 'talign-names', '--example', 'synth_names', '--',
                        str(max(sizes) // 3 + 1), synth], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    cols = [open(os.path.join(synth, f), encoding='utf-8').read().splitlines()
            for f in ('left.txt', 'right-fa.txt', 'right.txt')]
    mixed = [cols[i % 3][(i // 3) % len(cols[0])] for i in range(max(sizes))]
    paths = {}
    for n in sizes:
        p = os.path.join(work, f'mixed-{n}.txt')
        if not os.path.exists(p):
            with open(p, 'w', encoding='utf-8') as f:
                f.write('\n'.join(mixed[:n]) + '\n')
        paths[n] = p
    return paths, mixed


def timed(cmd, stdin=None, stdout=None):
    """Wall, CPU (user + system) and peak RSS (MB) of one run; stdin and stdout are paths or None."""
    fin = open(stdin, 'rb') if stdin else subprocess.DEVNULL
    fout = open(stdout, 'wb') if stdout else subprocess.DEVNULL
    t = subprocess.run(['/usr/bin/time', '-f', '%e %U %S %M'] + cmd, stdin=fin, stdout=fout,
                       stderr=subprocess.PIPE, text=True)
    for f in (fin, fout):
        if f is not subprocess.DEVNULL:
            f.close()
    if t.returncode != 0:
        sys.exit(f'{cmd} failed:\n{t.stderr}')
    wall, user, sys_, rss = t.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(sys_), int(rss) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--talign', action='append', default=[],
                    help='NAME=PATH of a talign binary (default: this tree\'s target/release/talign)')
    ap.add_argument('--sizes', default='100000,1000000,4000000')
    ap.add_argument('--uroman-lines', type=int, default=20000)
    ap.add_argument('--work', default='/tmp/talign-normalize-bench')
    ap.add_argument('--modes', default='file',
                    help='comma-separated: file (FILE -o OUT.csv), stdin (stdin > OUT.csv)')
    ap.add_argument('--repeat', type=int, default=1, help='runs of each cell; the fastest is shown')
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    bins = [x.split('=', 1) for x in a.talign] or [['talign', os.path.join(ROOT, 'target', 'release', 'talign')]]
    sizes = list(map(int, a.sizes.split(',')))
    paths, mixed = inputs(a.work, sizes)
    out = os.path.join(a.work, 'out.csv')

    # uroman's romanization alone, in process, on one core (its start-up, seconds of loading
    # data, left out: this favours uroman), each name with its script's language code.
    import uroman as ur
    u = ur.Uroman()
    sample = mixed[:a.uroman_lines]
    codes = ('ben', 'fas', 'eng')
    t0 = time.process_time()
    w0 = time.time()
    for i, x in enumerate(sample):
        u.romanize_string(x, lcode=codes[i % 3])
    uroman_cpu, uroman_wall = time.process_time() - t0, time.time() - w0
    uroman_rate = len(sample) / uroman_cpu
    print(f'uroman: {len(sample)} names in {uroman_cpu:.2f} s of CPU ({uroman_wall:.2f} s wall), one core: '
          f'{uroman_rate:,.0f} names per CPU second; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores')
    print()
    print('| binary | names | input → output | wall | names/s (wall) | CPU | names per CPU second | ÷ uroman\'s | peak RSS |')
    print('|---|---|---|---|---|---|---|---|---|')
    for n in sizes:
        for mode in a.modes.split(','):
            best = {}
            for _ in range(a.repeat):  # binaries interleaved, so that load falls on each alike
                for name, path in bins:
                    if mode == 'file':
                        run = timed([path, 'names', 'normalize', paths[n], '-o', out])
                    else:
                        run = timed([path, 'names', 'normalize'], stdin=paths[n], stdout=out)
                    if name not in best or run[0] < best[name][0]:
                        best[name] = run
            for name, _ in bins:
                w, c, r = best[name]
                io = 'file → file' if mode == 'file' else 'stdin → stdout'
                print(f'| {name} | {n:,} | {io} | {w:.2f} s | {n / w:,.0f} | {c:.2f} s | {n / c:,.0f} | {n / c / uroman_rate:,.0f}× '
                      f'| {r:.1f} MB |', flush=True)


if __name__ == '__main__':
    main()
