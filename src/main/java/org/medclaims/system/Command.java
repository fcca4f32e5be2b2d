package org.medclaims.system;

import java.util.List;

/**
 * One command of the command line (interfaces.md); its return value is the process exit
 * status.
 */
public interface Command {

	String name();

	int run(List<String> arguments) throws Exception;

}
