"""Times `talign names pair` as a whole command on three kinds of names, 10k x 10k and
100k x 100k, against the anchor in the same run: uroman to romanize both sides, then
rapidfuzz `cdist` (fuzz.ratio, 2 workers) for the best candidate of every left name.

Kinds:
  synthetic   talign's synthetic names (`synth_names` example): Bengali left, Latin right.
  corpus      1-3 consecutive words of the corpora's own texts (corpora/seeds and
              corpora/ntrex-dev): Bengali left, Persian right.
  dev         the dev sets' real names (shared/data/names-dev: places, countries, persons),
              Bengali left, Persian right; 2,755 rows, so the lists cycle through them in a
              fixed shuffled order.

Usage (from the repository root, after `cargo build --release`):
  pip install uroman rapidfuzz numpy
  python3 bench/names_pair.py [--sizes 10000,100000] [--kinds synthetic,corpus,dev]
          [--talign target/release/talign] [--work /tmp/talign-pair-bench] [--no-anchor]
          [--data ../shared/data/names-dev]
Prints a Markdown table. A measurement aid, not part of the tests or CI.
"""
import argparse, csv, json, os, random, re, subprocess, sys, time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
# ../shared/data beside the repository (as for `cargo xtask eval`), or --data.
DATA = next((d for d in (os.path.join(ROOT, '..', 'shared', 'data', 'names-dev'), '/work/shared/data/names-dev')
             if os.path.isdir(d)), None)
LCODE = {'bn': 'ben', 'fa': 'fas', 'latin': 'eng'}


def write(path, names):
    with open(path, 'w', encoding='utf-8') as f:
        for n in names:
            f.write(n + '\n')


def synthetic(n, work):
    d = os.path.join(work, f'synth-{n}')
    if not os.path.exists(os.path.join(d, 'right.txt')):
        subprocess.run(['cargo', 'run', '-q', '--release', '-p', 'talign-names', '--example', 'synth_names', '--',
                        str(n), d], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(d, 'left.txt'), 'bn', os.path.join(d, 'right.txt'), 'latin'


def corpus_texts():
    """(lang, text) of every document of corpora/seeds and corpora/ntrex-dev."""
    out = []
    seeds = os.path.join(ROOT, 'corpora', 'seeds')
    for f in sorted(os.listdir(seeds)):
        if f.endswith('.txt'):
            out.append((f[:2], open(os.path.join(seeds, f), encoding='utf-8').read()))
    for line in open(os.path.join(ROOT, 'corpora', 'ntrex-dev', 'articles.jsonl'), encoding='utf-8'):
        if line.strip():
            d = json.loads(line)
            out.append((d.get('lang') or d['id'][:2], d['text']))
    return out


WORD = re.compile(r'[^\W\d_](?:[^\W\d_]|[\u0980-\u09ff\u0600-\u06ff\u200c])*')


def corpus_names(lang, n, seed):
    """n names of 1-3 consecutive words from the documents in `lang`."""
    words = [WORD.findall(t) for l, t in corpus_texts() if l == lang]
    words = [w for w in words if w]
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        ws = rng.choice(words)
        k = rng.randint(1, 3)
        i = rng.randrange(max(1, len(ws) - k + 1))
        out.append(' '.join(ws[i:i + k]))
    return out


def corpus(n, work):
    left, right = os.path.join(work, f'corpus-{n}-left.txt'), os.path.join(work, f'corpus-{n}-right.txt')
    if not os.path.exists(right):
        write(left, corpus_names('bn', n, 1))
        write(right, corpus_names('fa', n, 2))
    return left, 'bn', right, 'fa'


def dev_rows():
    rows = []
    for f in ('places.tsv', 'countries.tsv'):
        for r in csv.DictReader(open(os.path.join(DATA, f), encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE):
            rows.append((r['bn'], r['fa']))
    for r in csv.DictReader(open(os.path.join(DATA, 'persons.tsv'), encoding='utf-8'), delimiter='\t',
                            quoting=csv.QUOTE_NONE):
        rows.append((r['bn_forms'].split('|')[0], r['arabic_script_forms'].split('|')[0]))
    return [r for r in rows if r[0] and r[1]]


def dev(n, work):
    left, right = os.path.join(work, f'dev-{n}-left.txt'), os.path.join(work, f'dev-{n}-right.txt')
    if not os.path.exists(right):
        rows = dev_rows()
        rng = random.Random(3)
        order = list(range(len(rows)))
        rng.shuffle(order)
        lefts = [rows[order[i % len(rows)]][0] for i in range(n)]
        rng.shuffle(order)
        rights = [rows[order[i % len(rows)]][1] for i in range(n)]
        write(left, lefts)
        write(right, rights)
    return left, 'bn', right, 'fa'


def timed(cmd):
    """Wall seconds, CPU seconds and peak RSS (MB) of a command, through /usr/bin/time."""
    t = subprocess.run(['/usr/bin/time', '-f', '%e %U %S %M'] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if t.returncode != 0:
        sys.exit(f'{cmd} failed:\n{t.stderr}')
    wall, user, sys_, rss = t.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(sys_), int(rss) / 1024


def anchor(left, llang, right, rlang):
    """Seconds to romanize both sides with uroman, and to find each left name's best right
    name with rapidfuzz cdist (2 workers), in chunks of rows so that the matrix fits."""
    import numpy as np
    import uroman as ur
    from rapidfuzz import process, fuzz
    u = ur.Uroman()
    names = [[l.rstrip('\n') for l in open(p, encoding='utf-8')] for p in (left, right)]
    t, c = time.time(), time.process_time()
    rom = [[u.romanize_string(x, lcode=LCODE[lang]).lower() for x in ns] for ns, lang in zip(names, (llang, rlang))]
    t_rom, c_rom = time.time() - t, time.process_time() - c
    t, c = time.time(), time.process_time()
    chunk = max(1, 200_000_000 // max(1, len(rom[1])))
    best = []
    for i in range(0, len(rom[0]), chunk):
        m = process.cdist(rom[0][i:i + chunk], rom[1], scorer=fuzz.ratio, workers=2, dtype=np.uint8)
        best.extend(m.argmax(axis=1).tolist())
    t_cdist, c_cdist = time.time() - t, time.process_time() - c
    return t_rom, c_rom, t_cdist, c_cdist


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sizes', default='10000,100000')
    ap.add_argument('--kinds', default='synthetic,corpus,dev')
    ap.add_argument('--talign', default=os.path.join(ROOT, 'target', 'release', 'talign'))
    ap.add_argument('--work', default='/tmp/talign-pair-bench')
    ap.add_argument('--no-anchor', action='store_true')
    ap.add_argument('--data', help='the names-dev directory (default: ../shared/data/names-dev)')
    a = ap.parse_args()
    global DATA
    DATA = a.data or DATA
    os.makedirs(a.work, exist_ok=True)
    make = {'synthetic': synthetic, 'corpus': corpus, 'dev': dev}
    print(f'load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; wall / CPU seconds')
    print()
    print('| kind | size | `talign names pair` | peak RSS | uroman, both sides | rapidfuzz `cdist`, 2 workers |')
    print('|---|---|---|---|---|---|')
    for kind in a.kinds.split(','):
        for n in map(int, a.sizes.split(',')):
            left, llang, right, rlang = make[kind](n, a.work)
            wall, cpu, rss = timed([a.talign, 'names', 'pair', left, right, '-o', '/dev/null'])
            if a.no_anchor:
                anchor_cells = '| |'
            else:
                rom, crom, cd, ccd = anchor(left, llang, right, rlang)
                anchor_cells = f'{rom:.1f} / {crom:.1f} s | {cd:.2f} / {ccd:.2f} s |'
            print(f'| {kind} {llang}→{rlang} | {n // 1000}k × {n // 1000}k | {wall:.2f} / {cpu:.2f} s | {rss:.0f} MB | '
                  + anchor_cells, flush=True)


if __name__ == '__main__':
    main()
