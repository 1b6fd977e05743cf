/* cli.h: shared pieces of the entente command line: exit codes, option helpers. */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <stdio.h>

#include "entente.h"

/* Exit codes (documented in README.md). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

int cmd_sentences(int argc, char **argv);
int cmd_tokens(int argc, char **argv);
int cmd_actors(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_eval(int argc, char **argv);

/* Normalises a language tag ("fr-FR", "EN") to "fr"/"en"/...; returns NULL for NULL/"". */
const char *cli_lang(const char *tag, char out[8]);

#endif
