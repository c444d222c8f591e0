package dev.iamatlas.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch engine answers each line once, in order, whether on one thread or several. */
class BatchSimulatorTest {

    private static String randomBatch(int lines) {
        Random r = new Random(3);
        String[] shapes = {
            "{'id':'%d','principal':'arn:aws:iam::111122223333:user/u','action':'s3:GetObject','resource':'arn:aws:s3:::b/k',"
                    + "'identityPolicies':[{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*'}}]}",
            "{'id':'%d','principal':'anonymous','action':'s3:GetObject','resource':'arn:aws:s3:::b/k',"
                    + "'resourcePolicy':{'Statement':{'Effect':'Allow','Principal':'*','Action':'s3:Get*','Resource':'*'}}}",
            "{'id':'%d','principal':'arn:aws:iam::111122223333:user/u','action':'s3:GetObject','resource':'*',"
                    + "'identityPolicies':[{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Nope':{'a':'b'}}}}]}",
            "",
            "{'id':%d,'principal':'apigateway.amazonaws.com','action':'lambda:InvokeFunction','resource':'*'}",
            "not json %d"
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(String.format(shapes[r.nextInt(shapes.length)], i).replace('\'', '"')).append('\n');
        }
        return sb.toString();
    }

    private static String run(String input, int threads) throws IOException {
        StringWriter out = new StringWriter();
        long n = new BatchSimulator(new DefaultPolicyEvaluator(), false, threads).run(new BufferedReader(new StringReader(input)), out);
        assertThat(n).isEqualTo(input.lines().count());
        return out.toString();
    }

    @Test
    void severalThreadsGiveExactlyTheSequentialAnswersInOrder() throws IOException {
        String input = randomBatch(5000);
        String sequential = run(input, 1);
        assertThat(sequential.lines().count()).isEqualTo(5000);
        assertThat(run(input, 2)).isEqualTo(sequential);
        assertThat(run(input, 4)).isEqualTo(sequential);
    }

    /** A reader that is never ready and records how many answer lines were written each time it is read. */
    private static Reader interactive(String[] lines, StringWriter out, List<Integer> linesWrittenWhenAsked) {
        return new Reader() {
            private int next;

            @Override
            public int read(char[] buffer, int off, int len) {
                linesWrittenWhenAsked.add((int) out.toString().lines().count());
                if (next == lines.length) {
                    return -1;
                }
                String line = lines[next++];
                line.getChars(0, line.length(), buffer, off);
                return line.length();
            }

            @Override
            public boolean ready() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void anAnswerIsWrittenBeforeWaitingForTheNextLine() throws IOException {
        String[] lines = {"{\"id\":\"a\",\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"resource\":\"*\"}\n",
            "{\"id\":\"b\",\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"resource\":\"*\"}\n"};
        for (int threads : new int[] {1, 2}) {
            StringWriter out = new StringWriter();
            List<Integer> linesWrittenWhenAsked = new ArrayList<>();
            new BatchSimulator(new DefaultPolicyEvaluator(), false, threads)
                    .run(new BufferedReader(interactive(lines, out, linesWrittenWhenAsked), 4096), out);
            assertThat(linesWrittenWhenAsked).as("threads=%d", threads).startsWith(0, 1, 2);
            assertThat(out.toString().lines()).containsExactly("{\"id\":\"a\",\"decision\":\"IMPLICIT_DENY\"}",
                    "{\"id\":\"b\",\"decision\":\"IMPLICIT_DENY\"}");
        }
    }
}
