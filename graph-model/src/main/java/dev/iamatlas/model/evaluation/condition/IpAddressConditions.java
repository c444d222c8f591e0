package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.IpRange;
import java.util.List;

/**
 * {@code IpAddress}, {@code NotIpAddress}: the context value (an IPv4 or IPv6 address) lies in one
 * of the policy's CIDR blocks or equals one of its addresses. A context value that is not an
 * address matches nothing.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress">IP address condition operators</a>
 */
final class IpAddressConditions {
    private IpAddressConditions() {
    }

    static int matchesAny(Condition condition, String value) {
        byte[] address = IpRange.parseAddress(value.trim());
        if (address == null) {
            return ConditionEvaluator.FALSE;
        }
        List<IpRange> ranges = condition.ipRanges();
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(address)) {
                return ConditionEvaluator.TRUE;
            }
        }
        return ConditionEvaluator.FALSE;
    }
}
