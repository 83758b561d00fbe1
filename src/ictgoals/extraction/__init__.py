"""Reading press reports into candidate figures and targets for a person to review (`ictgoals extract`)."""
