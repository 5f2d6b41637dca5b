package ro.cluj.crt.benchmark;

/** One unit of work of one worker: it returns when it succeeded and throws when it failed. */
@FunctionalInterface
interface Operation {

    void perform() throws Exception;
}
