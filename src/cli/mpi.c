/* mpi.c: `entente code --mpi` and `entente ingest --mpi` across the ranks of mpirun (OpenMPI).
 *
 * The ranks share the input by bytes (cli_mpi_share): the inputs, one after the other, are cut
 * into K spans of about the same size (K ranks), each cut moved to the next line start inside a
 * file of JSON lines, or to the end of any other file (a text file is one document; a
 * compressed file cannot be entered in the middle). Rank r reads only its span: nobody reads
 * the whole input, which is what lets the work spread over machines with a shared file system
 * (or the same files on every node).
 *   code:   rank 0 writes its documents' output as it goes; every other rank writes its output
 *           to a temporary file (TMPDIR) and, once done, sends it to rank 0 in chunks, rank after
 *           rank: the output is the same as one process, in input order, and memory stays
 *           bounded. Each rank reports the bad lines of its own span, with their file:line.
 *   ingest: each rank stores its own documents in the shared store (PostgreSQL); the store
 *           ends the same as with one process.
 * A rank that cannot go on (unreadable input, full disk, store unreachable) prints its message
 * and aborts the whole run (MPI_Abort): mpirun then exits with an error, never a silent
 * partial output. */
#include <errno.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include "../io/reader.h"
#include "cli.h"

enum { BLOCK = 64, SEND_CHUNK = 1 << 22 };

static int rank_, size_;
static int shared_;   /* the input is shared: each rank reports its own span's problems */

int cli_mpi_init(int *argc, char ***argv)
{
    if (MPI_Init(argc, argv) != MPI_SUCCESS) {
        fprintf(stderr, "entente: MPI_Init failed (run under mpirun)\n");
        return -1;
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    return 0;
}

int cli_mpi_rank(void) { return rank_; }
int cli_mpi_size(void) { return size_; }
void cli_mpi_finish(void) { MPI_Finalize(); }

void cli_mpi_abort(const char *msg)
{
    fprintf(stderr, "entente: rank %d: %s\n", rank_, msg);
    fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, EXIT_FATAL);
}

/* Before the input is shared, every rank sees the same problems (a missing input): rank 0
 * reports them. After, each rank reports those of its own span. */
static void mpi_diag(void *user, const char *where, const char *message)
{
    (void)user;
    if (rank_ == 0 || shared_) fprintf(stderr, "%s: %s\n", where, message);
}

ent_diag_fn cli_mpi_diag(void) { return mpi_diag; }

/* The first line start at or after byte `at` of file `path` (0 < at < size; its size when
 * none). */
static uint64_t line_start(const char *path, uint64_t at, uint64_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) return at;   /* the reader will report it */
    char buf[65536];
    uint64_t pos = at - 1;   /* a line starts at `at` when the byte before is a newline */
    for (;;) {
        ssize_t n = pread(fd, buf, sizeof buf, (off_t)pos);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) { pos = size; break; }
        char *nl = memchr(buf, '\n', (size_t)n);
        if (nl) { pos += (uint64_t)(nl - buf) + 1; break; }
        pos += (uint64_t)n;
    }
    close(fd);
    return pos < size ? pos : size;
}

/* Position x of the inputs as an offset into the file at [base, base + size), clamped to it. */
static uint64_t within(uint64_t x, uint64_t base, uint64_t size)
{
    return x <= base ? 0 : x - base < size ? x - base : size;
}

void cli_mpi_share(ent_reader *r)
{
    size_t nf = ent_reader_file_count(r);
    uint64_t *base = ent_xcalloc(nf + 1, sizeof *base), *sz = ent_xcalloc(nf + 1, sizeof *sz);
    for (size_t i = 0; i < nf; i++) {
        struct stat st;
        sz[i] = stat(ent_reader_file(r, i), &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
        base[i + 1] = base[i] + sz[i];
    }
    uint64_t total = base[nf];
    /* cut k (0 < k < K) at about total * k / K, moved to the next line start of a file of JSON
     * lines or past the end of any other file; every rank computes the same cuts */
    uint64_t cut[2];
    for (int e = 0; e < 2; e++) {
        int k = rank_ + e;
        if (k == 0) { cut[e] = 0; continue; }
        if (k == size_) { cut[e] = UINT64_MAX; continue; }
        uint64_t x = (uint64_t)((long double)total * k / size_);
        size_t f = 0;
        while (f < nf && !(base[f] <= x && x < base[f] + sz[f])) f++;
        if (f == nf) cut[e] = x;
        else if (x == base[f]) cut[e] = x;
        else if (ent_reader_file_splits(r, f))
            cut[e] = base[f] + line_start(ent_reader_file(r, f), x - base[f], sz[f]);
        else cut[e] = base[f] + sz[f];
    }
    uint64_t *begin = ent_xcalloc(nf + 1, sizeof *begin), *end = ent_xcalloc(nf + 1, sizeof *end);
    for (size_t i = 0; i < nf; i++) {
        int splits = ent_reader_file_splits(r, i) && sz[i] > 0;
        uint64_t lo = within(cut[0], base[i], sz[i]), hi = within(cut[1], base[i], sz[i]);
        if (splits && lo < hi) {
            begin[i] = lo;
            end[i] = hi;
        } else if (!splits && cut[0] <= base[i] && base[i] < cut[1]) {
            begin[i] = 0;   /* the whole file: the rank whose span holds its first byte */
            end[i] = UINT64_MAX;
        } else {
            begin[i] = UINT64_MAX;   /* another rank's */
        }
    }
    ent_reader_ranges(r, begin, end);
    shared_ = 1;
    free(base);
    free(sz);
    free(begin);
    free(end);
}

/* Waits for a request without spinning: MPI's own waits poll at full speed, and a rank
 * waiting for another (rank 0 for a rank still coding, a rank done for rank 0) would take
 * the processor from the one it waits for when they share a core's resources (hyper-threads,
 * virtual machines). */
static void wait_calmly(MPI_Request *req)
{
    for (int done = 0;;) {
        MPI_Test(req, &done, MPI_STATUS_IGNORE);
        if (done) return;
        struct timespec ts = {0, 200000};   /* 0.2 ms */
        nanosleep(&ts, NULL);
    }
}

/* Writes n bytes to f, or stops the run. */
static void put(FILE *f, const char *p, size_t n, const char *what)
{
    if (n && fwrite(p, 1, n, f) != n) {
        char msg[256];
        snprintf(msg, sizeof msg, "write error on %s: %s", what, strerror(errno));
        cli_mpi_abort(msg);
    }
}

int cli_mpi_code(ent_reader *r, ent_text *tx, ent_analysis *a, const char *force, cli_doc_fn fn, void *user)
{
    ent_arena mem = {0};
    ent_doc *docs = ent_xcalloc(BLOCK, sizeof *docs);
    ent_buf out = {0}, err = {0};
    ent_error rerr = {0};
    long counts[2] = {0, 0};   /* bad documents, reader problems: summed over the ranks */
    int status = EXIT_OK, rc = 1;
    FILE *spool = NULL;
    if (rank_ > 0 && !(spool = tmpfile())) {
        char msg[256];
        snprintf(msg, sizeof msg, "cannot make a temporary file for this rank's output: %s", strerror(errno));
        cli_mpi_abort(msg);
    }
    while (rc == 1) {
        size_t n = 0;
        const ent_doc *d;
        while (n < BLOCK && (rc = ent_reader_next(r, &d, &rerr)) == 1) cli_copy_doc(&mem, &docs[n++], d);
        if (rc < 0) cli_mpi_abort(rerr.message);
        if (!n) break;
        ent_buf_clear(&out);
        ent_buf_clear(&err);
        long b = 0, sentences = 0, lines = 0;
        cli_code_docs(docs, n, tx, a, force, fn, user, &out, &err, &b, &sentences, &lines);
        ent_arena_reset(&mem);
        if (err.len) fwrite(err.p, 1, err.len, stderr);
        put(spool ? spool : stdout, out.p, out.len, spool ? "this rank's temporary file" : "standard output");
        counts[0] += b;
    }
    counts[1] = (long)ent_reader_problems(r);
    /* rank 0 then writes the other ranks' output, rank after rank, in chunks */
    char *chunk = ent_xmalloc(SEND_CHUNK);
    MPI_Request req;
    if (rank_ == 0) {
        for (int src = 1; src < size_; src++) {
            int go = 1;   /* tells rank src that its turn has come */
            MPI_Send(&go, 1, MPI_INT, src, 0, MPI_COMM_WORLD);
            for (;;) {
                int len;
                MPI_Irecv(&len, 1, MPI_INT, src, 1, MPI_COMM_WORLD, &req);
                wait_calmly(&req);
                if (len <= 0) break;
                MPI_Recv(chunk, len, MPI_CHAR, src, 2, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                put(stdout, chunk, (size_t)len, "standard output");
            }
        }
    } else {
        if (fflush(spool) != 0 || fseek(spool, 0, SEEK_SET) != 0) cli_mpi_abort("cannot read back this rank's temporary file");
        int go;
        MPI_Irecv(&go, 1, MPI_INT, 0, 0, MPI_COMM_WORLD, &req);
        wait_calmly(&req);
        for (;;) {
            int len = (int)fread(chunk, 1, SEND_CHUNK, spool);
            if (len <= 0 && ferror(spool)) cli_mpi_abort("read error on this rank's temporary file");
            MPI_Send(&len, 1, MPI_INT, 0, 1, MPI_COMM_WORLD);
            if (len <= 0) break;
            MPI_Send(chunk, len, MPI_CHAR, 0, 2, MPI_COMM_WORLD);
        }
        fclose(spool);
    }
    free(chunk);
    cli_mpi_sum(counts, 2);
    if (counts[0] || counts[1]) status = EXIT_INPUT;
    if (rank_ == 0 && fflush(stdout) != 0) status = EXIT_FATAL;
    ent_arena_free(&mem);
    free(docs);
    ent_buf_free(&out);
    ent_buf_free(&err);
    /* every rank ends with rank 0's status */
    MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return status;
}

void cli_mpi_sum(long *v, int n)
{
    MPI_Allreduce(MPI_IN_PLACE, v, n, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
}

int cli_mpi_max(int v)
{
    MPI_Allreduce(MPI_IN_PLACE, &v, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return v;
}
