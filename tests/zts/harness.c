/*
 * Thread isolation of KeyContext and Keyring under a thread-safe PHP, the way
 * FrankenPHP runs it: one process, PHP's embed SAPI, requests on several
 * threads at once.
 *
 *   harness <sodium_crypt.so> <request.php> <threads> <requests per thread>
 *
 * Each thread runs its requests one after another; request.php sets its own
 * random context key, checks it many times while the other threads do the
 * same, and ends normally, by exit(), by an uncaught exception or by a fatal
 * error. The harness hands each request the previous key of its thread, so
 * the script can check that it is gone, and reads back one summary line a
 * request. After every thread has ended, a last request on the main thread
 * audits the arena: no key in use, no free byte left unwiped.
 *
 * Exit status 0 only when every request reported "ok" and no error, warning
 * or leak report reached the SAPI. The debug engine's leak reports go to
 * stderr; tests/zts/run counts them.
 */
#include <php.h>
#include <php_main.h>
#include <php_variables.h>
#include <SAPI.h>
#include <sapi/embed/php_embed.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ZTS
# error "tests/zts needs a thread-safe (ZTS) PHP"
#endif

enum { OUT_MAX = 4096, KEY_HEX = 64 };

/* What one thread's current request sees; the SAPI callbacks run on that thread. */
typedef struct {
	int thread;
	int request;
	char previous_key[KEY_HEX + 1];  /* this thread's last key, "" for none */
	char out[OUT_MAX];
	size_t out_len;
	int errors;                      /* messages logged that were not expected */
	const char *ending;              /* how the script is asked to end */
} request_state;

static __thread request_state *current;
static const char *script;
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const endings[] = {"return", "exit", "throw", "fatal"};

static size_t harness_ub_write(const char *str, size_t len)
{
	request_state *r = current;
	size_t room = OUT_MAX - 1 - r->out_len;
	size_t n = len < room ? len : room;
	memcpy(r->out + r->out_len, str, n);
	r->out_len += n;
	r->out[r->out_len] = '\0';
	return len;
}

static void harness_log_message(const char *message, int syslog_type)
{
	(void) syslog_type;
	request_state *r = current;
	/* The only message a request may log: the fatal error it was asked for
	 * (and the uncaught exception, logged the same way). */
	bool expected = r && ((strcmp(r->ending, "fatal") == 0 && strstr(message, "Allowed memory size"))
		|| (strcmp(r->ending, "throw") == 0 && strstr(message, "Uncaught RuntimeException: asked to throw")));
	if (!expected) {
		if (r) {
			r->errors++;
		}
		pthread_mutex_lock(&report_lock);
		fprintf(stderr, "harness: thread %d request %d logged: %s\n", r ? r->thread : -1, r ? r->request : -1, message);
		pthread_mutex_unlock(&report_lock);
	}
}

static void harness_register_variables(zval *track_vars)
{
	request_state *r = current;
	char n[16];
	php_import_environment_variables(track_vars);
	snprintf(n, sizeof n, "%d", r->thread);
	php_register_variable("SC_THREAD", n, track_vars);
	snprintf(n, sizeof n, "%d", r->request);
	php_register_variable("SC_REQUEST", n, track_vars);
	php_register_variable("SC_PREVIOUS_KEY", r->previous_key, track_vars);
	php_register_variable("SC_ENDING", (char *) r->ending, track_vars);
}

/* One request: startup, the script, shutdown (RSHUTDOWN wipes the context). */
static int run_request(request_state *r)
{
	current = r;
	r->out_len = 0;
	r->out[0] = '\0';
	SG(options) |= SAPI_OPTION_NO_CHDIR;
	SG(request_info).argc = 0;
	SG(request_info).argv = NULL;
	if (php_request_startup() == FAILURE) {
		fprintf(stderr, "harness: thread %d: request startup failed\n", r->thread);
		return -1;
	}
	SG(headers_sent) = 1;
	SG(request_info).no_headers = 1;
	zend_file_handle file;
	zend_stream_init_filename(&file, script);
	php_execute_script(&file);
	zend_destroy_file_handle(&file);
	php_request_shutdown(NULL);
	current = NULL;
	return 0;
}

typedef struct {
	int thread;
	int requests;
	long ok;
	long failed;
	long checks;
} worker;

/* "ok checks=N key=HEX" or "FAIL …": what request.php prints last. */
static void tally(worker *w, request_state *r)
{
	const char *line = strstr(r->out, "ok checks=");
	long checks;
	char key[KEY_HEX + 1];
	if (r->errors == 0 && line && sscanf(line, "ok checks=%ld key=%64[0-9a-f]", &checks, key) == 2
			&& strlen(key) == KEY_HEX && !strstr(r->out, "FAIL")) {
		w->ok++;
		w->checks += checks;
		memcpy(r->previous_key, key, sizeof key);
		return;
	}
	w->failed++;
	pthread_mutex_lock(&report_lock);
	fprintf(stderr, "harness: thread %d request %d (%s) failed:\n%s\n", r->thread, r->request, r->ending, r->out);
	pthread_mutex_unlock(&report_lock);
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	request_state r = {.thread = w->thread};

	/* This thread's copy of every module's globals (GINIT, ours included). */
	(void) ts_resource(0);
	for (int i = 0; i < w->requests; i++) {
		r.request = i;
		r.errors = 0;
		r.ending = endings[(w->thread + i) % 4];
		if (run_request(&r) != 0) {
			w->failed++;
			break;
		}
		tally(w, &r);
	}
	ts_free_thread();
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s <sodium_crypt.so> <request.php> <threads> <requests per thread>\n", argv[0]);
		return 2;
	}
	int threads = atoi(argv[3]);
	int requests = atoi(argv[4]);
	if (threads < 1 || threads > 256 || requests < 1) {
		fprintf(stderr, "harness: 1..256 threads and at least one request\n");
		return 2;
	}
	script = argv[2];

	/* SC_PKCS11_MODULE: the token's module (tests/zts/run makes a SoftHSM2 token). */
	const char *pkcs11 = getenv("SC_PKCS11_MODULE");
	static char ini[2048];
	snprintf(ini, sizeof ini,
		"extension=%s\n"
		"html_errors=0\ndisplay_errors=0\nlog_errors=1\nerror_reporting=-1\n"
		"memory_limit=32M\nmax_execution_time=0\noutput_buffering=0\nimplicit_flush=0\n"
		"report_memleaks=1\nsodium_crypt.pkcs11_module=%s\n", argv[1], pkcs11 ? pkcs11 : "");

	php_tsrm_startup();
	zend_signal_startup();
	sapi_startup(&php_embed_module);
	php_embed_module.name = "embed";
	php_embed_module.pretty_name = "sodium_crypt ZTS harness";
	php_embed_module.ini_entries = ini;
	php_embed_module.php_ini_ignore = 1;
	php_embed_module.ub_write = harness_ub_write;
	php_embed_module.log_message = harness_log_message;
	php_embed_module.register_server_variables = harness_register_variables;
	if (php_embed_module.startup(&php_embed_module) == FAILURE) {
		fprintf(stderr, "harness: module startup failed\n");
		return 1;
	}

	worker *w = calloc((size_t) threads, sizeof *w);
	pthread_t *tid = calloc((size_t) threads, sizeof *tid);
	if (!w || !tid) {
		return 1;
	}
	for (int t = 0; t < threads; t++) {
		w[t] = (worker) {.thread = t + 1, .requests = requests};
		if (pthread_create(&tid[t], NULL, worker_main, &w[t]) != 0) {
			fprintf(stderr, "harness: pthread_create failed\n");
			return 1;
		}
	}
	long ok = 0, failed = 0, checks = 0;
	for (int t = 0; t < threads; t++) {
		pthread_join(tid[t], NULL);
		ok += w[t].ok;
		failed += w[t].failed;
		checks += w[t].checks;
	}

	/* Every thread has ended: the audit request, on the main thread. */
	request_state audit = {.thread = 0, .request = 0, .ending = "audit"};
	int audited = run_request(&audit) == 0 && audit.errors == 0 && strstr(audit.out, "audit ok") != NULL;
	printf("threads %d, requests %ld (%ld ok, %ld failed), keys checked %ld, endings return/exit/throw/fatal\n",
		threads, ok + failed, ok, failed, checks);
	printf("after all requests: %s\n", audit.out[0] ? audit.out : "(no audit output)\n");

	php_module_shutdown();
	sapi_shutdown();
	tsrm_shutdown();
	free(w);
	free(tid);
	return failed == 0 && audited ? 0 : 1;
}
