/* mpi.c: `entente code --mpi` and `entente ingest --mpi` across the ranks of mpirun (OpenMPI).
 *
 * The input is shared by blocks of BLOCK consecutive documents: rank r codes blocks r, r + K,
 * r + 2K... (K ranks). Every rank reads the inputs (a shared file system, or the same files on
 * every node) but analyses and codes only its blocks, which is where the time goes.
 *   code:   each rank sends its blocks' output to rank 0, which writes every block in input
 *           order: the output is the same as one process. Messages of other ranks' documents
 *           (analysis failures) travel with their block; bad input lines are reported once, by
 *           rank 0.
 *   ingest: each rank stores its own documents in the shared store (PostgreSQL); the store
 *           ends the same as with one process.
 * A rank that cannot go on (unreadable input, store unreachable) prints its message and
 * aborts the whole run (MPI_Abort): mpirun then exits with an error, never a silent partial
 * output. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { BLOCK = 64 };

static int rank_, size_;

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

int cli_mpi_mine(long doc_index)
{
    return (doc_index / BLOCK) % size_ == rank_;
}

/* Only rank 0 reports bad input lines (every rank reads them). */
static void quiet_diag(void *user, const char *where, const char *message)
{
    (void)user;
    if (rank_ == 0) fprintf(stderr, "%s: %s\n", where, message);
}

ent_diag_fn cli_mpi_diag(void) { return quiet_diag; }

int cli_mpi_code(ent_reader *r, ent_text *tx, ent_analysis *a, const char *force, cli_doc_fn fn, void *user)
{
    ent_arena mem = {0};
    ent_doc *docs = ent_xcalloc(BLOCK, sizeof *docs);
    ent_buf out = {0}, err = {0};
    ent_error rerr = {0};
    long block = 0, bad = 0;
    int status = EXIT_OK, rc = 1;
    while (rc == 1) {
        /* the next block: every rank reads it, its owner copies and codes it */
        size_t n = 0;
        int mine = (int)(block % size_) == rank_;
        const ent_doc *d;
        while (n < BLOCK && (rc = ent_reader_next(r, &d, &rerr)) == 1) {
            if (mine) cli_copy_doc(&mem, &docs[n], d);
            n++;
        }
        if (rc < 0) cli_mpi_abort(rerr.message);
        if (!n) break;
        int owner = (int)(block % size_);
        if (mine) {
            ent_buf_clear(&out);
            ent_buf_clear(&err);
            long b = 0, sentences = 0, lines = 0;
            cli_code_docs(docs, n, tx, a, force, fn, user, &out, &err, &b, &sentences, &lines);
            ent_arena_reset(&mem);
            if (rank_ == 0) {
                if (err.len) fwrite(err.p, 1, err.len, stderr);
                if (out.len && fwrite(out.p, 1, out.len, stdout) != out.len) cli_mpi_abort("write error on standard output");
                bad += b;
            } else {
                unsigned long long hdr[3] = {out.len, err.len, (unsigned long long)b};
                MPI_Send(hdr, 3, MPI_UNSIGNED_LONG_LONG, 0, 1, MPI_COMM_WORLD);
                if (out.len) MPI_Send(out.p, (int)out.len, MPI_CHAR, 0, 2, MPI_COMM_WORLD);
                if (err.len) MPI_Send(err.p, (int)err.len, MPI_CHAR, 0, 3, MPI_COMM_WORLD);
            }
        } else if (rank_ == 0) {
            /* another rank's block, in its place */
            unsigned long long hdr[3];
            MPI_Recv(hdr, 3, MPI_UNSIGNED_LONG_LONG, owner, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            ent_buf_clear(&out);
            ent_buf_clear(&err);
            ent_buf_reserve(&out, (size_t)hdr[0] + 1);
            ent_buf_reserve(&err, (size_t)hdr[1] + 1);
            if (hdr[0]) MPI_Recv(out.p, (int)hdr[0], MPI_CHAR, owner, 2, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (hdr[1]) MPI_Recv(err.p, (int)hdr[1], MPI_CHAR, owner, 3, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (hdr[1]) fwrite(err.p, 1, (size_t)hdr[1], stderr);
            if (hdr[0] && fwrite(out.p, 1, (size_t)hdr[0], stdout) != hdr[0]) cli_mpi_abort("write error on standard output");
            bad += (long)hdr[2];
        }
        block++;
        if (n < BLOCK) break;
    }
    if (bad) status = EXIT_INPUT;
    if (rank_ == 0 && ent_reader_problems(r) > 0 && status == EXIT_OK) status = EXIT_INPUT;
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
