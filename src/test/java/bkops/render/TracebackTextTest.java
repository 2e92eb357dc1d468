package bkops.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Python tracebacks, as engine refusals ("fail: " + trace) and as node errors (ex_data), read as their exception line. */
class TracebackTextTest {
    private static final String REFUSAL = """
            fail: Traceback (most recent call last):
              File "/app/.heroku/python/lib/python3.11/site-packages/bamboo_engine/api.py", line 67, in wrapper
                data = func(*args, **kwargs)
              File "/app/.heroku/python/lib/python3.11/site-packages/bamboo_engine/engine.py", line 1431, in _ensure_state_is_fail_and_return_process_info
                raise InvalidOperationError("{} state is not FAILED, actual {}".format(state.node_id, state.name))
            bamboo_engine.exceptions.InvalidOperationError: n1 state is not FAILED, actual RUNNING
            """;

    @Test
    void anEngineRefusalIsItsExceptionLineWithoutTheModule() {
        assertEquals("InvalidOperationError: n1 state is not FAILED, actual RUNNING", ErrorText.exception(REFUSAL));
        assertEquals("InvalidOperationError: n1 state is not FAILED, actual RUNNING", ErrorText.firstLine(REFUSAL));
    }

    @Test
    void aBuiltinExceptionAMultiLineMessageAndPython311MarkersAreHandled() {
        String t = "Traceback (most recent call last):\n  File \"x.py\", line 1, in f\n    a.encode()\n    ^^^^^^^^\n"
                + "AttributeError: 'NoneType' object has no attribute 'encode'\n";
        assertEquals("AttributeError: 'NoneType' object has no attribute 'encode'", ErrorText.firstLine(t));
        String multi = "Traceback (most recent call last):\n  File \"x.py\", line 1, in f\n    g()\n"
                + "pipeline.eri.models.State.DoesNotExist: first\n  second\n";
        assertEquals("DoesNotExist: first\n  second", ErrorText.exception(multi));
        assertEquals("DoesNotExist: first", ErrorText.firstLine(multi));
    }

    @Test
    void chainedExceptionsEndWithTheOneRaised() {
        String t = "Traceback (most recent call last):\n  File \"a.py\", line 1, in f\n    x[k]\nKeyError: 'k'\n\n"
                + "During handling of the above exception, another exception occurred:\n\n"
                + "Traceback (most recent call last):\n  File \"a.py\", line 3, in f\n    raise Boom()\nmod.Boom: it broke\n";
        assertEquals("Boom: it broke", ErrorText.firstLine(t));
    }

    @Test
    void otherTextIsLeftAlone() {
        assertEquals("task command is invalid", ErrorText.exception("task command is invalid"));
        assertEquals("a.b: c", ErrorText.exception("a.b: c"));
        assertEquals("", ErrorText.exception(null));
    }
}
