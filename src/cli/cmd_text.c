/* cmd_text.c: `entente sentences` and `entente tokens`, the text layer on the command line:
 * read documents, identify their language, segment, tokenise, and write JSON lines. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/json.h"
#include "../util/util.h"
#include "cli.h"

static const char sentences_help[] =
    "usage: entente sentences [--lang fr|en] [FILE...]\n"
    "\n"
    "Splits each document into sentences and writes one JSON line per sentence:\n"
    "  {\"doc_id\", \"sent\" (index from 0), \"start\", \"end\" (byte offsets into the document\n"
    "   text), \"lang\", \"text\"}\n"
    "\n"
    "  --lang L   treat every document as language L (default: the document's \"lang\", or\n"
    "             identified from its text)\n"
    "  -h, --help this help\n";

static const char tokens_help[] =
    "usage: entente tokens [--lang fr|en] [--format jsonl|tsv] [FILE...]\n"
    "\n"
    "Writes one JSON line per sentence with its tokens:\n"
    "  {\"doc_id\", \"sent\", \"lang\", \"start\", \"end\", \"tokens\": [{\"surface\", \"fold\",\n"
    "   \"lemma\", \"pos\", \"start\", \"end\"}, ...]}\n"
    "Offsets are bytes into the document text. Parts of speech: NOUN PROPN VERB AUX ADJ\n"
    "ADV DET PRON ADP CCONJ SCONJ PART NUM PUNCT SYM X.\n"
    "\n"
    "  --lang L        treat every document as language L (default: the document's \"lang\",\n"
    "                  or identified from its text)\n"
    "  --format tsv    one token per line instead: doc_id, sent, start, end, surface, fold,\n"
    "                  lemma, pos, separated by tabs; a blank line after each sentence\n"
    "  -h, --help      this help\n";

static void write_sentences(ent_buf *b, const ent_doc *d, const ent_analysis *a)
{
    size_t n = ent_analysis_sentence_count(a);
    for (size_t i = 0; i < n; i++) {
        const ent_sentence *s = ent_analysis_sentence(a, i);
        ent_buf_adds(b, "{\"doc_id\":");
        ent_json_cstr(b, d->id);
        ent_buf_printf(b, ",\"sent\":%zu,\"start\":%u,\"end\":%u,\"lang\":", i, s->start, s->end);
        ent_json_cstr(b, ent_analysis_lang(a));
        ent_buf_adds(b, ",\"text\":");
        ent_json_str(b, d->text + s->start, s->end - s->start);
        ent_buf_adds(b, "}\n");
    }
}

static void write_tokens(ent_buf *b, const ent_doc *d, const ent_analysis *a)
{
    size_t n = ent_analysis_sentence_count(a);
    const ent_token *tk = ent_analysis_tokens(a);
    for (size_t i = 0; i < n; i++) {
        const ent_sentence *s = ent_analysis_sentence(a, i);
        ent_buf_adds(b, "{\"doc_id\":");
        ent_json_cstr(b, d->id);
        ent_buf_printf(b, ",\"sent\":%zu,\"lang\":", i);
        ent_json_cstr(b, ent_analysis_lang(a));
        ent_buf_printf(b, ",\"start\":%u,\"end\":%u,\"tokens\":[", s->start, s->end);
        for (uint32_t k = 0; k < s->n_tokens; k++) {
            const ent_token *t = &tk[s->first_token + k];
            ent_buf_adds(b, k ? ",{\"surface\":" : "{\"surface\":");
            ent_json_cstr(b, t->surface);
            ent_buf_adds(b, ",\"fold\":");
            ent_json_cstr(b, t->fold);
            ent_buf_adds(b, ",\"lemma\":");
            ent_json_cstr(b, t->lemma);
            ent_buf_printf(b, ",\"pos\":\"%s\",\"start\":%u,\"end\":%u}",
                           ent_pos_name((ent_pos)t->pos), t->start, t->end);
        }
        ent_buf_adds(b, "]}\n");
    }
}

static void write_tokens_tsv(ent_buf *b, const ent_doc *d, const ent_analysis *a)
{
    size_t n = ent_analysis_sentence_count(a);
    const ent_token *tk = ent_analysis_tokens(a);
    for (size_t i = 0; i < n; i++) {
        const ent_sentence *s = ent_analysis_sentence(a, i);
        for (uint32_t k = 0; k < s->n_tokens; k++) {
            const ent_token *t = &tk[s->first_token + k];
            ent_buf_printf(b, "%s\t%zu\t%u\t%u\t%s\t%s\t%s\t%s\n", d->id, i, t->start, t->end,
                           t->surface, t->fold, t->lemma, ent_pos_name((ent_pos)t->pos));
        }
        ent_buf_addc(b, '\n');
    }
}

/* cli_doc_fn: sentences (format 0), tokens as JSON lines (1) or TSV (2) */
static void write_doc(void *user, const ent_doc *d, const ent_analysis *a, ent_buf *out)
{
    int format = *(const int *)user;
    if (format == 2) write_tokens_tsv(out, d, a);
    else if (format == 1) write_tokens(out, d, a);
    else write_sentences(out, d, a);
}

static int run(int argc, char **argv, const char *help, int tokens)
{
    static const struct option opts[] = {
        {"lang", required_argument, NULL, 'l'}, {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    int tsv = 0;
    char langbuf[8];
    const char *force = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hl:f:", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return EXIT_OK;
        case 'l': force = cli_lang(optarg, langbuf); break;
        case 'f':
            if (!tokens || (strcmp(optarg, "tsv") && strcmp(optarg, "jsonl"))) {
                fprintf(stderr, "entente: --format must be jsonl or tsv (tokens only)\n");
                return EXIT_USAGE;
            }
            tsv = !strcmp(optarg, "tsv");
            break;
        default: fputs(help, stderr); return EXIT_USAGE;
        }
    }
    ent_error err = {0};
    ent_text_options topt = {0};
    topt.no_lemmas = !tokens;
    ent_text *tx = ent_text_new(&topt, &err);
    if (!tx) {
        fprintf(stderr, "entente: %s\n", err.message);
        return EXIT_FATAL;
    }
    ent_reader *r = ent_reader_open((const char *const *)argv + optind, (size_t)(argc - optind),
                                    NULL, NULL, &err);
    ent_analysis *a = ent_analysis_new();
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    int format = !tokens ? 0 : tsv ? 2 : 1;
    int status = cli_each_doc(r, tx, a, force, write_doc, &format);
    ent_analysis_free(a);
    ent_reader_close(r);
    ent_text_free(tx);
    return status;
}

int cmd_sentences(int argc, char **argv) { return run(argc, argv, sentences_help, 0); }
int cmd_tokens(int argc, char **argv) { return run(argc, argv, tokens_help, 1); }
