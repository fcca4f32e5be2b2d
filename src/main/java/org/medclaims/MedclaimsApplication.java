package org.medclaims;

import org.medclaims.system.CommandLine;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * medclaims: values hospital claim files and clerks' ad-hoc claims under the dated
 * reimbursement policy, pays them from the pooled fund and personal accounts, and answers
 * every hospital.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MedclaimsApplication {

	public static void main(String[] args) {
		CommandLine.run(MedclaimsApplication.class, args).ifPresent(System::exit);
	}

}
