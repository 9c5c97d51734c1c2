#!/usr/bin/python3
"""NewsDesk under Dask distributed: a LocalCluster of worker processes, each piping its partitions
of documents through the NewsDesk native binary as a filter (JSON Lines of {"id", "text"} in, one
JSON line per mention out). The same binary, the same lines, on as many machines as the cluster has.

It needs Debian's Dask (apt-get install python3-distributed, for /usr/bin/python3) and the native
binary:

    dotnet publish samples/NewsDesk -c Release -r linux-x64 -o out/newsdesk
    /usr/bin/python3 samples/NewsDesk/scaleout/dask_newsdesk.py --binary out/newsdesk/NewsDesk \\
        --workers 2 --partitions 8 --out mentions.jsonl seeds samples/NewsDesk/articles

It then pipes all the documents through one process of the binary and checks that the cluster
gave exactly the same mention lines (in document order), and prints the figures of both runs.
The output file is written under a temporary name and renamed once complete.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dask.bag
from dask.distributed import Client, LocalCluster


def documents(paths):
    """The files of the paths: a folder's *.txt files in name order, or a file."""
    for path in map(Path, paths):
        yield from (str(file) for file in (sorted(path.glob("*.txt")) if path.is_dir() else [path]))


def pipe(partition, binary, threads="1"):
    """
    One partition through the binary: its files, read on the worker (only their names go through
    the scheduler), as JSON Lines of {"id", "text"} on stdin; its mention lines back.
    """
    lines = "".join(
        json.dumps({"id": os.path.basename(file), "text": Path(file).read_text(encoding="utf-8")}, ensure_ascii=False) + "\n"
        for file in partition
    )
    run = subprocess.run(
        [binary, "--format", "mentions", "--threads", threads, "-"],
        input=lines.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    # 0: every document ran; 1: some were reported and skipped (stderr says which), the rest ran.
    if run.returncode not in (0, 1):
        raise RuntimeError(f"{binary} exited {run.returncode}: {run.stderr.decode('utf-8', 'replace')}")
    sys.stderr.write(run.stderr.decode("utf-8", "replace"))
    return run.stdout.decode("utf-8").splitlines()


def write_whole(path, lines):
    """Writes the lines under a temporary name in the same folder, then renames: never a half file."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as output:
            output.writelines(line + "\n" for line in lines)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; the output is an ordinary file
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="folders (their *.txt files) and files")
    parser.add_argument("--binary", required=True, help="the NewsDesk native binary")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    parser.add_argument("--partitions", type=int, default=8, help="partitions of the documents (default 8)")
    parser.add_argument("--out", required=True, help="the mention lines, JSON Lines")
    args = parser.parse_args()

    corpus = list(documents(args.paths))
    if not corpus:
        print("error: no .txt file in the paths", file=sys.stderr)
        return 2

    binary = os.path.abspath(args.binary)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        started = time.perf_counter()
        bag = dask.bag.from_sequence(corpus, npartitions=args.partitions)
        # Partitions come back in order, so the lines are in document order, as one process gives them.
        lines = bag.map_partitions(pipe, binary).compute()
        clustered = time.perf_counter() - started
        workers = len(client.scheduler_info()["workers"])

    write_whole(args.out, lines)
    started = time.perf_counter()
    alone = pipe(corpus, binary, threads=str(os.cpu_count() or 1))
    single = time.perf_counter() - started
    print(
        f"{len(corpus)} documents, {len(lines)} mentions from {workers} Dask worker processes "
        f"in {args.partitions} partitions in {clustered:.2f} s (one process: {single:.2f} s); written to {args.out}"
    )
    if lines != alone:
        missing = len(set(alone) - set(lines))
        extra = len(set(lines) - set(alone))
        print(f"error: the cluster's mentions differ from one process's: {missing} missing, {extra} more", file=sys.stderr)
        return 1

    print("the cluster's mentions are exactly those of one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
