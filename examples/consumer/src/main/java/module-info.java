/** The consumer application as a named module: equireg-regularizer brings nn and core (requires transitive). */
module org.example.consumer {
    requires org.equireg.regularizer;
}
